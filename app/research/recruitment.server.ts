import { sql } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { queryRows } from '#db/store';
import { getSurvey } from '~/surveys/definitions.server';
import { suppress } from './suppression';

export interface ProfileRow {
  answer: string;
  /** null when fewer than 10 people gave this answer. */
  count: number | null;
}
export interface DimensionProfile {
  dimension: string;
  question: string;
  rows: ProfileRow[];
}

/** The About-you questions that measure a representation dimension, from the question set's tags. */
function profileQuestions() {
  const common = getSurvey('common-question-set');
  if (!common) return [];
  return common.text.en!.pages
    .flatMap((page) => page.questions)
    .filter((question) => question.dimension && question.dimension !== 'programme_use' && question.dimension !== 'la' && !question.visibleIf);
}

/**
 * Who has joined a panel, by each representation dimension: counted in SQL over the pseudonymous
 * profiles, with cells under 10 suppressed before they leave this function.
 */
export async function panelProfile(panelId: string): Promise<{ members: number; dimensions: DimensionProfile[] }> {
  const questions = profileQuestions();
  const names = questions.map((question) => question.name);
  const rows = await queryRows<{ question: string; answer: string; count: number }>(
    researchDb(),
    sql`select entry.key as question, entry.value #>> '{}' as answer, count(*)::int as count
        from panel_members member
        join participant_profiles profile on profile.pseudonym = member.pseudonym
        cross join lateral jsonb_each(profile.answers) as entry
        where member.panel_id = ${panelId} and entry.key in (${sql.join(names.map((name) => sql`${name}`), sql`, `)})
        group by 1, 2`,
  );
  const [total] = await queryRows<{ count: number }>(researchDb(), sql`select count(*)::int as count from panel_members where panel_id = ${panelId}`);
  const members = total?.count ?? 0;
  return {
    members,
    dimensions: questions.map((question) => {
      const counts = new Map(rows.filter((row) => row.question === question.name).map((row) => [row.answer, row.count]));
      const answered = [...counts.values()].reduce((sum, count) => sum + count, 0);
      return {
        dimension: question.dimension!,
        question: question.title,
        rows: [
          ...question.choices.map((choice) => ({ answer: choice.text, count: suppress(counts.get(String(choice.value)) ?? 0) })),
          { answer: 'Not answered', count: suppress(members - answered) },
        ],
      };
    }),
  };
}
