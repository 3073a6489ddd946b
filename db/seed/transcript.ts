/**
 * A made-up discussion for the demo's past session, in the "Name: what they said" form a facilitator
 * would type up. The names are invented; adding it replaces them with labels, as for a real one.
 */
export const DEMO_TRANSCRIPT = [
  'Facilitator: Thank you all for coming. What helped most in the first year with your baby?',
  'Priya Lomax: The health visitor came to the house every week at first. She noticed I was not coping before I did.',
  'Dan Okafor: For us it was the baby group at the family hub. Meeting other dads stopped me feeling so isolated.',
  'Facilitator: And what was hard to get?',
  'Priya Lomax: Help with feeding. The breastfeeding clinic was two buses away and only on Tuesday mornings.',
  'Shona Ferris: We waited four months for a mental health appointment after I told the GP I felt low. Nobody followed it up.',
  'Dan Okafor: The money side. Nursery costs more than my wages some weeks, and nobody explained what help we could claim.',
  'Shona Ferris: The hub staff were kind, but every time we saw someone new we had to tell our whole story again.',
  'Facilitator: If you could change one thing?',
  'Priya Lomax: Evening and weekend groups. Both of us work, and everything is on weekday mornings.',
  'Dan Okafor: One place online that lists everything near you, with the times, so you do not find out by luck.',
  'Shona Ferris: Someone to check in after the first few weeks, when the visits stop and it gets lonely.',
].join('\n');
