/**
 * Groups and places on the desktop: the head's «Топтар / Группы» screen (create, capacity, close), the groups an
 * offer can go to with the reasons the others cannot, and the kindergarten's own free-places bulletin.
 */
import { z } from 'zod';
import { kindergartenBulletinSchema } from '../bulletin';
import { groupSchema, idSchema } from '../entities';
import { groupCapacitySchema, groupMismatches, specialNeedsLimitSchema } from '../groups';
import { checkGroupFields, groupFieldsSchema } from '../mutations';
import { overlayStateSchema } from './contracts';

export const groupViewSchema = groupSchema.extend({ sync: overlayStateSchema });
export type GroupView = z.infer<typeof groupViewSchema>;

export const groupChoiceSchema = z.object({ group: groupViewSchema, mismatches: z.array(z.enum(groupMismatches)) });
export type GroupChoice = z.infer<typeof groupChoiceSchema>;

const queued = z.object({ clientSeq: z.number().int().positive() });

export const groupMethods = {
  /** The kindergarten's groups, open first, by age. */
  'groups.list': { args: z.object({}).strict(), result: z.array(groupViewSchema) },
  /** Every open group with the reasons it cannot take the direction's child (none: it can), fitting ones first. */
  'groups.forDirection': { args: z.object({ directionId: idSchema }).strict(), result: z.array(groupChoiceSchema) },
  'groups.create': { args: groupFieldsSchema.strict().superRefine(checkGroupFields), result: queued.extend({ groupId: idSchema }) },
  'groups.update': {
    args: z
      .object({ groupId: idSchema, capacity: groupCapacitySchema, specialNeedsLimit: specialNeedsLimitSchema })
      .strict()
      .refine((a) => a.specialNeedsLimit <= a.capacity, { path: ['specialNeedsLimit'], message: 'the limit cannot exceed the capacity' }),
    result: queued,
  },
  /** Closes the group today (the end of the academic year). */
  'groups.close': { args: z.object({ groupId: idSchema }).strict(), result: queued },
  /** The kindergarten's bulletin as the parent portal shows it (null before the first sync). */
  'groups.bulletin': { args: z.object({}).strict(), result: kindergartenBulletinSchema.nullable() },
} as const;
