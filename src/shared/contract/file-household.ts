import { z } from 'zod';
import {
  DISABILITY_TYPES,
  EDUCATION_LEVELS,
  HEALTH,
  HUKOU,
  MARITAL,
  MEDICAL_INSURANCE,
  RELATIONS,
  SCHOOL_STAGES,
  WORK_STATUS,
} from '../domain/hardship-codes';
import { trimmedText as text, uuid } from './define';
import { fileStatus } from './file-list';

/* A hardship file's household (共同生活家庭成员): a member as the clerk fills it in, and as the file shows it. The
 * channels are with the hardship files' (hardship.ts). */

const fen = z.number().int().min(0).max(100_000_000_00);

export const householdMemberInput = z.object({
  /** The member's row when already on the list: the ID number need not be sent again (it is never shown whole). */
  id: uuid.optional(),
  relation: z.enum(RELATIONS),
  name: text(50).min(1),
  /** Required for a person new to the list; for one already on it, only to correct the number. */
  idNumber: text(30).min(1).optional(),
  ethnicity: z.string().nullable().default(null),
  health: z.enum(HEALTH).default('healthy'),
  disabilityType: z.enum(DISABILITY_TYPES).nullable().default(null),
  disabilityGrade: z.number().int().min(1).max(4).nullable().default(null),
  medicalInsurance: z.enum(MEDICAL_INSURANCE).nullable().default(null),
  maritalStatus: z.enum(MARITAL).nullable().default(null),
  hukouType: z.enum(HUKOU).nullable().default(null),
  workStatus: z.enum(WORK_STATUS).nullable().default(null),
  schoolStage: z.enum(SCHOOL_STAGES).nullable().default(null),
  /** 文化程度; null for files filled in before it was asked (counted as 未填写). */
  educationLevel: z.enum(EDUCATION_LEVELS).nullable().default(null),
  unitOrSchool: text(100).nullable().default(null),
  monthlyIncomeFen: fen.default(0),
});

export const householdMember = householdMemberInput.omit({ idNumber: true }).extend({
  id: uuid,
  idNumberMasked: z.string(),
  gender: z.enum(['male', 'female']),
  /** The year only, as in the roster (maskedIdView in shared/domain/id-number.ts); the 申报表 prints the date. */
  birthYear: z.number().int(),
  /** Other files, not ended, in whose household this person is (docs/domain.md: flagged, with a link). */
  otherFiles: z.array(z.object({ id: uuid, fileNo: z.string().nullable(), status: fileStatus })),
});
