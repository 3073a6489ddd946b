/** Choices shared by the panel pages and the server checks (not server-only, so pages can list them). */

/** Times a member can say suit them. */
export const AVAILABILITY = {
  'weekday-mornings': 'Weekday mornings',
  'weekday-daytime': 'Weekdays during school hours',
  'weekday-evenings': 'Weekday evenings',
  weekends: 'Weekends',
} as const;

/** What a venue offers, shown to members with the invitation. */
export const VENUE_ACCESS = {
  'step-free': 'Step-free access',
  'hearing-loop': 'Hearing loop',
  parking: 'Parking',
  'public-transport': 'Near public transport',
  creche: 'Crèche',
} as const;
