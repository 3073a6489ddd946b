/**
 * The department responsible for Family Voice, named in one place. The specification calls it the
 * Department for Levelling Up, Housing and Communities (DLUHC), its name until July 2024.
 */
export const DEPARTMENT = {
  name: 'Ministry of Housing, Communities and Local Government',
  shortName: 'MHCLG',
} as const;
