/**
 * The IPC gate: the only place `ipcMain.handle` is called. One channel per contract method; a call is served only
 * when it comes from the main frame of a page on our exact app:// origin and its args pass the contract's schema
 * (the same `checkCall` the WebSocket bridge runs). Every answer is an envelope; refusals carry a typed code.
 */
import { methodNames } from '../../domain/api';
import { checkCall } from '../../domain/api-gate';
import { fail, type Envelope } from '../../domain/envelope';
import { channelForMethod } from '../preload/channels';
import { isAppUrl } from './origin';

export interface SenderFrame {
  url: string;
  parent: SenderFrame | null;
}

export interface InvokeEvent {
  senderFrame: SenderFrame | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<Envelope<unknown>>): void;
  removeHandler(channel: string): void;
}

export type BackendCall = (method: string, args: unknown) => Promise<Envelope<unknown>>;

/** Why a sender is refused, or null when it is our top-level page. */
export function senderProblem(event: InvokeEvent): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'calls are accepted from the main frame only';
  if (!isAppUrl(frame.url)) return 'the sender is not the Qabyl page';
  return null;
}

export async function gateCall(method: string, event: InvokeEvent, args: unknown[], call: BackendCall): Promise<Envelope<unknown>> {
  const problem = senderProblem(event);
  if (problem) return fail('FORBIDDEN_SENDER', `Refused: ${problem}.`);
  if (args.length > 1) return fail('BAD_ARGS', 'A call takes exactly one argument object.');
  const gate = checkCall(method, args[0]);
  if (!gate.ok) return gate.refusal;
  return call(gate.method, gate.args);
}

/** Registers one handler per contract method; returns a function that removes them all. */
export function installIpcGate(ipcMain: IpcMainLike, call: BackendCall): () => void {
  const channels = methodNames.map((method) => {
    const channel = channelForMethod(method);
    ipcMain.handle(channel, (event, ...args) => gateCall(method, event, args, call));
    return channel;
  });
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
