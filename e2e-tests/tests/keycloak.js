// The admin REST API of the stack's Keycloak (its bootstrap admin, as ../scripts/lib.sh starts it).
const KEYCLOAK_URL = process.env.CITYTRACE_KEYCLOAK_URL || 'http://localhost:8180';
const REALM = `${KEYCLOAK_URL}/admin/realms/citytrace`;

async function adminToken() {
  const response = await fetch(`${KEYCLOAK_URL}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=password&client_id=admin-cli&username=admin&password=admin',
  });
  if (!response.ok) {
    throw new Error(`Keycloak refused the admin login: ${response.status}`);
  }
  return (await response.json()).access_token;
}

async function admin(path, options = {}) {
  const response = await fetch(REALM + path, {
    ...options,
    headers: { Authorization: `Bearer ${await adminToken()}`, 'Content-Type': 'application/json' },
  });
  const body = await response.text();
  if (!response.ok) {
    throw new Error(`Keycloak answered ${response.status} to ${path}: ${body}`);
  }
  return body ? JSON.parse(body) : null; // 201 Created and 204 No Content carry none
}

/** Ends every Keycloak session of `user`, as its idle timeout does. */
async function endSessionsOf(user) {
  const [account] = await admin(`/users?exact=true&username=${encodeURIComponent(user)}`);
  await admin(`/users/${account.id}/logout`, { method: 'POST' });
}

/**
 * Sets the lifespan (seconds) of the access and ID tokens the web client issues from now on; returns the one
 * it had, to set back.
 */
async function setWebTokenLifespan(seconds) {
  const [client] = await admin('/clients?clientId=citytrace-web');
  const before = client.attributes['access.token.lifespan'];
  client.attributes['access.token.lifespan'] = String(seconds);
  await admin(`/clients/${client.id}`, { method: 'PUT', body: JSON.stringify(client) });
  return before;
}

/**
 * Creates a person's account in the realm, as a consortium's identity administrator would: password = user name,
 * one realm role, and the organisation (its code) the app reads from the token.
 */
async function createUser(user, organization, role) {
  await admin('/users', {
    method: 'POST',
    body: JSON.stringify({
      username: user, enabled: true, email: `${user}@citytrace.example`, emailVerified: true,
      firstName: user, lastName: organization, attributes: { organization: [organization] },
      credentials: [{ type: 'password', value: user, temporary: false }],
    }),
  });
  const [account] = await admin(`/users?exact=true&username=${encodeURIComponent(user)}`);
  const realmRole = await admin(`/roles/${encodeURIComponent(role)}`);
  await admin(`/users/${account.id}/role-mappings/realm`, { method: 'POST', body: JSON.stringify([realmRole]) });
}

module.exports = { createUser, endSessionsOf, setWebTokenLifespan };
