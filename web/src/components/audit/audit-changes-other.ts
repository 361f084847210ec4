import { change, fields, text, type Describe } from './audit-words.ts';

/** A sandbox drill turned on or off. */
export const drillChange: Describe = (entry, w) => {
  const onOff = (value: unknown) => {
    const on = fields(value).on;
    return typeof on === 'boolean' ? w.t(on ? 'audit.value.on' : 'audit.value.off') : null;
  };
  return [change(w, 'drill', onOff(entry.before), onOff(entry.after))];
};

export const qrViewed: Describe = (_entry, w) => [w.t('audit.line.qrViewed')];

/** "Listo" on the WhatsApp phone: the last confirmation before and after. */
export const reminderConfirmChange: Describe = (entry, w) => {
  const confirmed = (value: unknown) => {
    const state = fields(value);
    const at = text(state.lastConfirmedAt);
    if (at === null) return w.t('audit.value.neverConfirmed');
    return w.t('audit.value.confirmedBy', {
      date: w.dateTime(at), user: text(state.lastConfirmedBy) ?? '—',
    });
  };
  return [change(w, 'lastConfirmed', confirmed(entry.before), confirmed(entry.after))];
};

