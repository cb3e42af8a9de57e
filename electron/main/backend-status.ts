/**
 * Turns the backend host's status changes into the renderer's `backend.status` event: a crash becomes a notice
 * (the host restarts the worker), a crash loop becomes a failure the user must act on.
 */
import type { EventPayload } from '../../domain/api';
import type { HostStatus } from '../backend/host/backend-host';

export function backendStatusEvent(status: HostStatus): EventPayload<'backend.status'> {
  return status.state === 'crashed' ? { state: 'crashed', restarts: status.restarts } : { state: status.state };
}
