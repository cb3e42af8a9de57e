// The signature algorithms a verdict can name; a dependency-free list so that API schemas and the UI share it.

/**
 * gost2015-256 is implemented to the standard but no public NCA vector exists for it: verdicts name it so that a
 * reader knows this path is untested against Kalkan. gost2004 (GOST 34.310-2004 over GOST R 34.11-94) is only met in
 * archived signatures and older NCA timestamp tokens.
 */
export const SIGNATURE_ALGORITHMS = ['rsa', 'ecdsa', 'gost2015-512', 'gost2015-256', 'gost2004'] as const;

export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];
