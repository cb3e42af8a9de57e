/**
 * Listeners told when a contract offer ends without enrollment (expired, rejected, withdrawn, voucher annulled),
 * inside the transaction that ends it, so whatever the offer held (a group place) is released atomically.
 */
import type { Contract } from '../../domain/entities';
import type { ServerTx } from '../db/connect';

export type OfferEndReason = 'expired' | 'rejected' | 'withdrawn' | 'voucher_annulled';
export type OfferEndedListener = (tx: ServerTx, contract: Contract, reason: OfferEndReason) => Promise<void>;

export class OfferEndedHooks {
  private readonly listeners: OfferEndedListener[] = [];

  add(listener: OfferEndedListener): void {
    this.listeners.push(listener);
  }

  async notify(tx: ServerTx, contract: Contract, reason: OfferEndReason): Promise<void> {
    for (const listener of this.listeners) await listener(tx, contract, reason);
  }
}
