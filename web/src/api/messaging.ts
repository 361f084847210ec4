import type {
  DrillsResponse, DrillView, PhoneReminder, WhatsappQrResponse,
} from '@turno/shared';
import type { ApiRequest } from './client.ts';

/** WhatsApp's QR and phone reminder, and the sandbox's drills. */
export function createMessagingApi(request: ApiRequest) {
  return {
    whatsappQr: () => request<WhatsappQrResponse>('/api/whatsapp/qr'),
    phoneReminder: () => request<PhoneReminder>('/api/whatsapp/reminder'),
    confirmPhoneReminder: (idempotencyKey: string) =>
      request<PhoneReminder>('/api/whatsapp/reminder/confirm', {
        method: 'POST', body: {}, headers: { 'Idempotency-Key': idempotencyKey },
      }),
    drills: () => request<DrillsResponse>('/api/drills'),
    setDrill: (name: string, on: boolean) =>
      request<{ drill: DrillView }>(`/api/drills/${encodeURIComponent(name)}`, {
        method: 'POST', body: { on },
      }),
  };
}
