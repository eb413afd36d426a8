// oidc-provider (the OpenID Connect provider the single sign-on test runs) ships no type declarations.
declare module 'oidc-provider';
