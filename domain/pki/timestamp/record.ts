// The verified timestamp kept with a signature: its genTime is the signing time shown everywhere.
import { z } from 'zod';

export const signatureTimestampSchema = z.object({
  genTime: z.string().datetime({ offset: true }),
  /** Subject of the TSA certificate. */
  tsa: z.string(),
  policy: z.string(),
  serialNumber: z.string(),
  /** `signer`: NCALayer attached it (tsaProfile); `server`: the server obtained it from its TSA. */
  obtainedBy: z.enum(['signer', 'server']),
});
export type SignatureTimestamp = z.infer<typeof signatureTimestampSchema>;
