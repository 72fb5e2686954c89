import { describe, expect, it } from "vitest";
import { frontDoorUrl, hostnameOf, matchHost, publicBodyUrl, sharedCookieDomain } from "~/domain/public-body/tenancy";

// Which public body a host is for, and each body's own address (decision 028).
const bodies = [
  { slug: "exempelkommun", hosts: ["samverka.exempelkommun.se"] },
  { slug: "grannby", hosts: [] },
];

describe("a request's host", () => {
  it("names a body by its subdomain or its own host, the front door by the bare host, and nothing else", () => {
    expect(matchHost("grannby.samverka.se", bodies, "samverka.se")).toEqual({ kind: "body", body: bodies[1] });
    expect(matchHost("Grannby.Samverka.se:443", bodies, "samverka.se")).toEqual({ kind: "body", body: bodies[1] });
    expect(matchHost("samverka.exempelkommun.se", bodies, "samverka.se")).toEqual({ kind: "body", body: bodies[0] });
    expect(matchHost("samverka.se", bodies, "samverka.se")).toEqual({ kind: "frontDoor" });
    expect(matchHost("localhost:3000", bodies, "localhost:3000")).toEqual({ kind: "frontDoor" });
    expect(matchHost("grannby.localhost:3000", bodies, "localhost:3000")).toEqual({ kind: "body", body: bodies[1] });
    for (const host of ["evil.example", "grannby.evil.example", "x.grannby.samverka.se", "samverka.se.evil.example"]) {
      expect(matchHost(host, bodies, "samverka.se"), host).toEqual({ kind: "unknown" });
    }
  });

  it("gives each body its configured address, never one taken from a request", () => {
    expect(publicBodyUrl(bodies[1]!, "https://samverka.se", "samverka.se")).toBe("https://grannby.samverka.se");
    expect(publicBodyUrl(bodies[1]!, "http://localhost:3000", "localhost:3000")).toBe("http://grannby.localhost:3000");
    expect(publicBodyUrl(bodies[0]!, "https://samverka.se", "samverka.se")).toBe("https://samverka.exempelkommun.se");
    // One body per installation: the installation's address.
    expect(publicBodyUrl(bodies[1]!, "http://127.0.0.1:4000/", undefined)).toBe("http://127.0.0.1:4000");
    expect(frontDoorUrl("http://localhost:3000", "localhost:3000")).toBe("http://localhost:3000");
    expect(hostnameOf(" Samverka.SE:8443 ")).toBe("samverka.se");
  });

  it("shares the session over the installation's own subdomains only", () => {
    expect(sharedCookieDomain("grannby.samverka.se", "samverka.se")).toBe("samverka.se");
    expect(sharedCookieDomain("samverka.se", "samverka.se")).toBe("samverka.se");
    // A body's own host elsewhere, localhost, an address, one body per installation: host-only.
    expect(sharedCookieDomain("samverka.exempelkommun.se", "samverka.se")).toBeUndefined();
    expect(sharedCookieDomain("samverka.se.evil.example", "samverka.se")).toBeUndefined();
    expect(sharedCookieDomain("grannby.localhost", "localhost:3000")).toBeUndefined();
    expect(sharedCookieDomain("127.0.0.1", "127.0.0.1:3000")).toBeUndefined();
    expect(sharedCookieDomain("grannby.samverka.se", undefined)).toBeUndefined();
  });
});
