import { DEPARTMENT } from './department';

/** The five national family-support programmes the project serves (specification section 3). */
export const PROGRAMMES = [
  { code: 'supporting-families', name: 'Supporting Families', department: DEPARTMENT.shortName },
  { code: 'family-hubs', name: 'Family Hubs', department: 'DfE' },
  { code: 'start-for-life', name: 'Start for Life', department: 'DfE and DHSC' },
  { code: 'reducing-parental-conflict', name: 'Reducing Parental Conflict', department: 'DWP' },
  { code: 'family-nurse-partnership', name: 'Family Nurse Partnership', department: 'DHSC' },
] as const;

export type ProgrammeCode = (typeof PROGRAMMES)[number]['code'];
export const PROGRAMME_CODES = PROGRAMMES.map((p) => p.code) as [ProgrammeCode, ...ProgrammeCode[]];
