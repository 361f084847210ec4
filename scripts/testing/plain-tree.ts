/**
 * A value as plain data, to compare two builds of one module: a function becomes its name (and
 * a thunk what it returns), a Map its entries, an object its own keys in order; a value met
 * again becomes a back reference, so cycles end.
 */
export function plainTree(value: unknown, seen = new Map<object, number>()): unknown {
  if (typeof value === 'function') {
    const fn = value as (() => unknown) & { prototype?: unknown };
    const isThunk = fn.prototype === undefined && fn.length === 0;
    return isThunk ? { thunk: plainTree(fn(), seen) } : { function: fn.name };
  }
  if (value === null || typeof value !== 'object') return value;
  const at = seen.get(value);
  if (at !== undefined) return { seen: at };
  seen.set(value, seen.size);
  if (value instanceof Map) {
    return { map: [...value].map((entry) => entry.map((part) => plainTree(part, seen))) };
  }
  const keys = Reflect.ownKeys(value).filter((key): key is string => typeof key === 'string');
  return {
    of: value.constructor?.name,
    own: keys.map((key) => [key, plainTree((value as Record<string, unknown>)[key], seen)]),
  };
}
