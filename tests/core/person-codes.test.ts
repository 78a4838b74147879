import { expect, test } from 'vitest';
import { EDUCATION_LEVELS, SCHOOL_STAGES } from '@shared/domain/hardship-codes';
import { openDatabase } from '../../src/main/core/db/client';
import { decodePerson, EDUCATION_LEVELS_OF, personBornSql, personCodeSql } from '../../src/main/core/db/schema/person-codes';
import { newDatabaseKey } from '../../src/main/core/keys/key-file';
import { tempDir } from './support/core';

/**
 * The people index's code (migration 0041, person-codes.ts) read back as the people table's columns: every 文化程度
 * level and school stage the list offers, none recorded, a value the list does not know, the worker and a member, both
 * sexes (the 17th digit of the ID number, X as a check character aside).
 */
test("each household row's code decodes to its worker/family, sex, 文化程度 band and school stage", () => {
  const { sqlite } = openDatabase(`${tempDir()}/x.db`, newDatabaseKey());
  const code = sqlite.prepare(
    `SELECT ${personCodeSql('h.')} AS code, ${personBornSql('h.')} AS born FROM (SELECT ? AS relation, ? AS id_number, ? AS details) h`,
  );
  const read = (relation: string, idNumber: string, details: object) =>
    code.get(relation, idNumber, JSON.stringify(details)) as { code: number; born: string };

  const bandOf = (level: string) => Object.entries(EDUCATION_LEVELS_OF).find(([, levels]) => levels.includes(level))?.[0];
  for (const level of EDUCATION_LEVELS) {
    expect(decodePerson(read('spouse', '11010519800101002X', { educationLevel: level }).code)).toEqual({
      worker: false,
      male: false,
      education: bandOf(level),
      stage: null,
    });
  }
  expect(EDUCATION_LEVELS.every((level) => bandOf(level) !== undefined)).toBe(true);
  for (const stage of SCHOOL_STAGES) {
    expect(decodePerson(read('child', '110105201001010031', { schoolStage: stage }).code)).toMatchObject({ male: true, stage });
  }
  expect(decodePerson(read('self', '110105197005010015', {}).code)).toEqual({ worker: true, male: true, education: 'none', stage: null });
  expect(decodePerson(read('self', '110105197005010015', { educationLevel: 'doctorate', schoolStage: 'nursery' }).code)).toEqual({
    worker: true,
    male: true,
    education: 'none',
    stage: null,
  });
  expect(read('parent', '110105194001010020', { educationLevel: null }).born).toBe('19400101');
});
