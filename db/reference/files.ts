import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { projectPath } from '../paths';

export interface UpperTierRow {
  la_code: string;
  la_name: string;
  region_code: string;
  region_name: string;
  la_type: string;
}
export interface RuralUrbanRow {
  la_code: string;
  la_name: string;
  tier: string;
  ruc11_broad: string;
}

function readCsv<T>(file: string): T[] {
  return parse(readFileSync(projectPath('db', 'reference', file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as T[];
}

export const readUpperTierLocalAuthorities = () => readCsv<UpperTierRow>('la_upper_tier.csv');
export const readRuralUrban = () => readCsv<RuralUrbanRow>('la_rural_urban.csv');
