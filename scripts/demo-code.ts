/**
 * Prints the current code for the demo accounts' authenticator key, for trying the service
 * without an authenticator app. The key is published; real accounts never use it.
 */
import { generate } from 'otplib';
import { DEMO_TOTP_SECRET } from '#db/seed/staff';

const code = await generate({ secret: DEMO_TOTP_SECRET });
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
process.stdout.write(`${code}  (changes in ${secondsLeft} s; demo administrator and facilitator only)\n`);
