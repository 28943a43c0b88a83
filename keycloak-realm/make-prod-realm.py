#!/usr/bin/env python3
"""Writes county-realm-prod.json from the development realm county-realm.json (see README.md, "Production").

Run it after changing the development realm's roles, client scopes, token mappers or the clients the API needs:
    python3 keycloak-realm/make-prod-realm.py
ProductionRealmTest fails while the two files disagree on what the API reads from a token.
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent

# clients that exist for development and the tests only (password grant, short tokens, a wrong audience)
DEV_ONLY_CLIENTS = {"county-cli", "county-cli-short", "other-app", "partner-test"}

# redirects to a developer's machine; the operator adds the real addresses (README.md)
DEV_REDIRECT_PREFIXES = ("http://localhost", "http://127.0.0.1")

BRUTE_FORCE = {
    "bruteForceProtected": True,
    "permanentLockout": False,
    "failureFactor": 5,
    "waitIncrementSeconds": 60,
    "minimumQuickLoginWaitSeconds": 60,
    "quickLoginCheckMilliSeconds": 1000,
    "maxFailureWaitSeconds": 900,
    "maxDeltaTimeSeconds": 43200,
}


def production_client(client):
    client = dict(client)
    client.pop("secret", None)  # Keycloak generates one at import; the operator reads or rotates it
    if client.get("publicClient"):
        client["directAccessGrantsEnabled"] = False
        client["implicitFlowEnabled"] = False
    if "redirectUris" in client:
        kept = [uri for uri in client["redirectUris"] if not uri.startswith(DEV_REDIRECT_PREFIXES)]
        if client["clientId"] == "county-dashboard" and not kept:
            kept = ["https://dashboard.county.example/*"]
        client["redirectUris"] = kept
    attributes = client.get("attributes")
    if attributes and "post.logout.redirect.uris" in attributes:
        kept = [uri for uri in attributes["post.logout.redirect.uris"].split("##")
                if not uri.startswith(DEV_REDIRECT_PREFIXES)] or client["redirectUris"]
        client["attributes"] = dict(attributes, **{"post.logout.redirect.uris": "##".join(kept)})
    return client


def main():
    dev = json.loads((HERE / "county-realm.json").read_text(encoding="utf-8"))
    prod = {}
    for key, value in dev.items():
        prod[key] = value
        if key == "sslRequired":
            prod.update(BRUTE_FORCE)
            prod["passwordPolicy"] = "length(12) and notUsername and notEmail and passwordHistory(3)"
    prod["displayName"] = dev["displayName"]
    prod["accessTokenLifespan"] = 300
    clients = [production_client(c) for c in dev["clients"] if c["clientId"] not in DEV_ONLY_CLIENTS]
    kept = {c["clientId"] for c in clients}
    # no people: only the service accounts that give partner clients their realm role, without credentials
    prod["users"] = [{k: v for k, v in u.items() if k != "credentials"} for u in dev["users"]
                     if u.get("serviceAccountClientId") in kept]
    prod["clients"] = clients
    (HERE / "county-realm-prod.json").write_text(json.dumps(prod, ensure_ascii=False, indent=2) + "\n",
                                                 encoding="utf-8")


if __name__ == "__main__":
    main()
