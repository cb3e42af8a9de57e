/**
 * The free-places bulletin the parent portals show: per kindergarten, the free places of its open groups summed
 * by age group, teaching language and kind. The server publishes it; the desktop shows its own kindergarten's
 * bulletin from the synced groups with the same function, so both always show the same numbers.
 */
import { z } from 'zod';
import { correctionTypeSchema, teachingLanguageSchema } from './catalogue-ids';
import { idSchema, iinSchema, instantSchema, type Group, type Organisation } from './entities';
import { groupAgeSchema, groupKindSchema } from './groups';

export const bulletinLineSchema = z.object({
  ageYears: groupAgeSchema,
  teachingLanguage: teachingLanguageSchema,
  kind: groupKindSchema,
  correctionType: correctionTypeSchema.nullable(),
  groups: z.number().int().positive(),
  capacity: z.number().int().nonnegative(),
  free: z.number().int().nonnegative(),
});
export type BulletinLine = z.infer<typeof bulletinLineSchema>;

export const kindergartenBulletinSchema = z.object({
  orgId: idSchema,
  bin: iinSchema,
  nameKk: z.string(),
  nameRu: z.string(),
  locality: z.string(),
  lines: z.array(bulletinLineSchema),
});
export type KindergartenBulletin = z.infer<typeof kindergartenBulletinSchema>;

export const bulletinSchema = z.object({ publishedAt: instantSchema, kindergartens: z.array(kindergartenBulletinSchema) });
export type Bulletin = z.infer<typeof bulletinSchema>;

/** The bulletin lines of one kindergarten's groups (closed groups are not published), youngest age first. */
export function bulletinLines(groups: readonly Pick<Group, 'status' | 'ageYears' | 'teachingLanguage' | 'kind' | 'correctionType' | 'places'>[]): BulletinLine[] {
  const lines = new Map<string, BulletinLine>();
  for (const g of groups) {
    if (g.status !== 'open') continue;
    const key = [g.ageYears, g.teachingLanguage, g.kind, g.correctionType ?? ''].join('|');
    const line = lines.get(key) ?? { ageYears: g.ageYears, teachingLanguage: g.teachingLanguage, kind: g.kind, correctionType: g.correctionType, groups: 0, capacity: 0, free: 0 };
    lines.set(key, { ...line, groups: line.groups + 1, capacity: line.capacity + g.places.capacity, free: line.free + g.places.free });
  }
  return [...lines.values()].sort(
    (a, b) => a.ageYears - b.ageYears || a.teachingLanguage.localeCompare(b.teachingLanguage) || a.kind.localeCompare(b.kind) || (a.correctionType ?? '').localeCompare(b.correctionType ?? ''),
  );
}

export function kindergartenBulletin(org: Organisation, groups: readonly Group[]): KindergartenBulletin {
  return { orgId: org.id, bin: org.bin, nameKk: org.nameKk, nameRu: org.nameRu, locality: org.locality, lines: bulletinLines(groups) };
}

export const bulletinQuerySchema = z.object({ orgId: idSchema.optional() }).strict();
