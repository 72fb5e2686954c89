// English texts of signing in with e-ID and the municipality's own accounts (OpenID Connect).
import type { Shape } from "./shape";
import type oidcSv from "./oidc.sv";

const oidc: Shape<typeof oidcSv> = {
  oidc: {
    login: {
      eidTitle: "Sign in with e-ID",
      eidLead: "With BankID or Freja eID+ you need no password.",
      staffTitle: "For municipal staff",
      button: "Sign in with {{label}}",
      passwordTitle: "Sign in with email and password",
    },
    failed: {
      title: "The sign-in could not be completed",
      back: "Try signing in again",
      backAdmin: "Back to administration",
    },
    errors: {
      expired: "The sign-in took too long or was started in another browser. Start again from the sign-in page.",
      state:
        "The answer from the sign-in service did not belong to your sign-in, so we stopped it to be safe. Start again from the sign-in page.",
      denied: "The sign-in was cancelled at the sign-in service. Nothing has changed.",
      code: "The sign-in had already been used or was not accepted by the sign-in service. Start again from the sign-in page.",
      idToken:
        "We could not trust the answer from the sign-in service (too old, wrong, or not issued for us). Start again; if it happens again, contact the municipality.",
      unavailable:
        "The sign-in service is not answering right now. Try again in a while, or sign in with email and password.",
      noEmail: "The sign-in service gave no confirmed email address, so we cannot find your account.",
      noStaffAccount:
        "There is no Samverka account for you. Ask the municipality's administrator to invite you with your work email address.",
      linkedElsewhere: "This e-ID is already linked to another Samverka account.",
      disabled: "This way of signing in is switched off.",
    },
    linked: "The e-ID is linked to your account.",
    steppedUp: "You have identified yourself. Sign now.",
    choose: {
      title: "Choose account",
      lead: "You identified yourself with {{provider}} as {{name}}. The first time, we need to know which Samverka account this is.",
      signedInTitle: "Link to the account you are signed in with",
      signedInBody: "You are signed in as {{email}}. Link the e-ID there and sign in with it next time.",
      link: "Link the e-ID",
      emailTitle: "You already have an account",
      emailBody:
        "There is an account with the email address {{email}}, which the sign-in service has confirmed. Is it yours? Link the e-ID to it.",
      passwordTitle: "Do you already have an account?",
      passwordBody: "Sign in with email and password once, and we link the e-ID to the account.",
      signInWithPassword: "Sign in with password and link",
      newTitle: "Create a new account",
      newBody: "We need your email address to notify you. We send a link to confirm it.",
      newBodyEmail: "Check your name and email address. If you change the address, we send a link to confirm it.",
      create: "Create account",
      signInFirst: "Sign in first.",
      emailTaken: "There is already an account with that email address. Sign in with your password and link the e-ID.",
      notLinked: "The account could not be linked. Sign in with your password and link the e-ID.",
      lastWayIn: "This is your only way to sign in. Choose a password first.",
    },
    account: {
      title: "My ways to sign in",
      password: "Email and password",
      passwordSet: "Yes",
      passwordNone: "No password",
      linked: "Linked {{date}}",
      unlink: "Remove {{label}}",
      unlinked: "The way to sign in is removed.",
      add: "Link {{label}}",
      none: "No e-ID is linked.",
    },
  },
};

export default oidc;
