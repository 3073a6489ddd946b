/** Staff roles, what they are called and what each can do. Shared by server guards and pages. */
export const ROLES = ['administrator', 'facilitator', 'analyst', 'programme_lead', 'la_officer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrator',
  facilitator: 'Facilitator',
  analyst: 'Analyst',
  programme_lead: 'Programme lead',
  la_officer: 'Local authority officer',
};

export interface RoleTask {
  title: string;
  description: string;
  href: string;
}

export const ROLE_TASKS: Record<Role, RoleTask[]> = {
  administrator: [
    { title: 'Question sets', description: 'Preview the question sets and make links and QR codes for them.', href: '/staff/surveys' },
    { title: 'Panels', description: 'Create and manage local, regional and national panels.', href: '/staff/panels' },
    { title: 'Session feedback', description: 'How families rated the sessions they took part in, against the 75% target (KPI 7.1.2.b).', href: '/staff/session-feedback' },
    { title: 'Quarterly findings', description: 'The quarter’s findings for every programme, by area, with every table as a tidy CSV.', href: '/staff/findings' },
    { title: 'Who took part', description: 'Who answered, joined panels and came to sessions, against England’s population, and where no one has yet.', href: '/staff/representation' },
    { title: 'Programme footprints', description: 'Set the local authorities each programme works in, which who took part is compared with.', href: '/staff/footprints' },
    { title: 'Good-practice guides', description: 'Publish guides and new versions, and see how often each is downloaded.', href: '/guides' },
    { title: 'Quarters and themes', description: 'Choose each quarter’s theme and the year’s quarter on expectant parents and children under 2.', href: '/staff/quarters' },
    { title: 'Workshops and events', description: 'Record workshops, training, peer support and support visits, and give attendees a feedback link or single-use codes.', href: '/staff/events' },
    { title: 'Direct support', description: 'Local authorities given direct support and their quarterly Family Voice self-assessments against the baseline.', href: '/staff/direct-support' },
    { title: 'Key performance indicators', description: 'Satisfaction with workshops, support and guides, descriptor scores, session feedback and delivery counts, quarter by quarter.', href: '/staff/kpis' },
    { title: 'Delivery plan', description: 'Edit the delivery plan shown on the public website, in Markdown.', href: '/staff/site/delivery-plan' },
    { title: 'Outbox', description: 'Read the messages the service would send when no mail server is set up.', href: '/staff/outbox' },
    { title: 'Audit trail', description: 'See sign-ins, failed attempts and every view of identity data.', href: '/staff/audit' },
    { title: 'Staff accounts and roles', description: 'Invite staff, set roles and scopes, reset passwords, disable accounts.', href: '/staff/accounts' },
    { title: 'People’s requests about their data', description: 'Find a panel member to give them everything held about them, correct it, or erase it.', href: '/staff/people' },
    { title: 'Data export and disposal', description: 'Export data to the Authority and dispose of it securely (spec 15.3).', href: '/staff/data' },
  ],
  facilitator: [
    { title: 'Survey links and QR codes', description: 'Make links and QR codes for the question sets, recording where they were shared.', href: '/staff/surveys' },
    { title: 'Panels and sessions', description: 'Create panels in your regions, see who has joined, and schedule sessions with at least 4 weeks’ notice.', href: '/staff/panels' },
    { title: 'Session feedback', description: 'How families rated the sessions they took part in, against the 75% target (KPI 7.1.2.b).', href: '/staff/session-feedback' },
    { title: 'Transcripts and notes', description: 'Add a session’s transcript or notes: names are replaced by labels and the file is not kept.', href: '/staff/transcripts' },
    { title: 'Workshops and events', description: 'Record workshops, training, peer support and support visits, and give attendees a feedback link or single-use codes.', href: '/staff/events' },
    { title: 'Direct support', description: 'Local authorities given direct support and their quarterly Family Voice self-assessments against the baseline.', href: '/staff/direct-support' },
    { title: 'Who is missing', description: 'Compare who has taken part in your regions with who lives there, and see where no one has yet.', href: '/staff/representation' },
  ],
  analyst: [
    { title: 'Question sets', description: 'Preview the question sets families answer.', href: '/staff/surveys' },
    { title: 'Code answers', description: 'Code free-text answers and session transcripts, filtered and searched, by keyboard if you like.', href: '/staff/coding' },
    { title: 'Suggested codes and emerging themes', description: 'Refresh the suggestions, and turn an emerging theme into a code.', href: '/staff/themes' },
    { title: 'Codebook', description: 'Add, rename, merge and retire codes, and see the excerpts behind each.', href: '/staff/codebook' },
    { title: 'Transcripts and notes', description: 'Add a panel session’s transcript or notes for coding.', href: '/staff/transcripts' },
    { title: 'Good-practice guides', description: 'Publish guides and new versions, and see how often each is downloaded.', href: '/guides' },
    { title: 'Bring in responses', description: 'Import answers collected elsewhere (CSV or Excel), checked as web answers are.', href: '/staff/responses/import' },
    { title: 'Quarterly findings', description: 'The quarter’s findings for every programme, by area, with every table as a tidy CSV.', href: '/staff/findings' },
    { title: 'Who took part', description: 'Who answered, joined panels and came to sessions, against England’s population, and where no one has yet.', href: '/staff/representation' },
  ],
  programme_lead: [
    { title: 'Key performance indicators', description: 'Satisfaction with workshops, support and guides, descriptor scores, session feedback and delivery counts, quarter by quarter.', href: '/staff/kpis' },
    { title: 'Direct support', description: 'Local authorities given direct support and their quarterly Family Voice self-assessments against the baseline.', href: '/staff/direct-support' },
    { title: 'Session feedback', description: 'How families rated the sessions in your programmes, against the 75% target (KPI 7.1.2.b).', href: '/staff/session-feedback' },
    { title: 'Quarterly findings', description: 'Read what families said this quarter, for your programmes, by area, and download every table.', href: '/staff/findings' },
    { title: 'Who took part', description: 'Who answered, joined panels and came to sessions, against England’s population, and where no one has yet.', href: '/staff/representation' },
  ],
  la_officer: [
    { title: 'The common question set', description: 'Download it as JSON or as a Word form for paper, and make links and QR codes for your area.', href: '/staff/surveys' },
    { title: 'Bring in responses you collected', description: 'Import answers to the common question set that your authority collected itself (CSV or Excel).', href: '/staff/responses/import' },
    { title: 'Good-practice guides', description: 'Find guides by theme, download them and rate their quality and usefulness.', href: '/guides' },
    { title: 'Your Family Voice self-assessment', description: 'Record your partnership’s quarterly self-assessment against the Family Voice descriptor and see progress since the baseline.', href: '/staff/direct-support' },
    { title: 'Your area’s results', description: 'See what families in your local authority told us each quarter, and download the tables.', href: '/staff/findings' },
    { title: 'Who took part in your area', description: 'Who answered and took part in your authority, against its population.', href: '/staff/representation' },
  ],
};

/** Roles that can see names and contact details: they sign in with an authenticator app as well as a password. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['administrator', 'facilitator'];
export const secondFactorRequired = (role: Role): boolean => SECOND_FACTOR_ROLES.includes(role);
