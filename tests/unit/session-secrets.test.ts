import { createCookie } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { sessionSecretsOf } from "~/domain/kernel/env.server";

// SESSION_SECRET may list several secrets, so one can be replaced without signing everyone out.

describe("session secrets", () => {
  it("sign with the first and verify with every one, so a rotation keeps people signed in", async () => {
    const old = "den-gamla-hemligheten-1234";
    const fresh = "den-nya-hemligheten-5678";
    expect(sessionSecretsOf(` ${fresh} , ${old} `)).toEqual([fresh, old]);
    const before = createCookie("__session", { secrets: sessionSecretsOf(old) });
    const after = createCookie("__session", { secrets: sessionSecretsOf(`${fresh},${old}`) });
    const issuedBefore = await before.serialize("sessionstoken");
    // Still valid after the rotation; new cookies are signed with the new secret only.
    expect(await after.parse(issuedBefore.split(";")[0]!)).toBe("sessionstoken");
    const issuedAfter = await after.serialize("sessionstoken");
    expect(await createCookie("__session", { secrets: [fresh] }).parse(issuedAfter.split(";")[0]!)).toBe(
      "sessionstoken",
    );
    // Dropping the old secret later ends the sessions it signed.
    expect(await createCookie("__session", { secrets: [fresh] }).parse(issuedBefore.split(";")[0]!)).toBeNull();
  });
});
