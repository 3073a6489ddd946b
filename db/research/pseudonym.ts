declare const pseudonymBrand: unique symbol;

/**
 * A participant's pseudonym: HMAC-SHA256 of their id under PSEUDONYM_KEY. The brand cannot be named
 * outside this file, so the only way to make one is `pseudonymFor` in the identity code (a test
 * checks nothing else casts to it), and every research write about a person requires one.
 */
export type Pseudonym = string & { readonly [pseudonymBrand]: true };
