// Shapes of the Licentia HTTP API as the console reads them. Written by hand from the OpenAPI
// document because the web package must not import server or database code.

export type TokenKind = 'operator' | 'account' | 'organization';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface Me {
  tokenId: string;
  kind: TokenKind;
  roles: string[];
  accountId: string | null;
  accountName: string | null;
  organizationId: string | null;
  organizationName: string | null;
}

export interface Overview {
  accounts: number;
  organizations: number;
  activeTokens: number;
  auditEvents: number;
}

export interface Account {
  id: string;
  name: string;
  isDefault: boolean;
  createdAt: string;
}

export interface Organization {
  id: string;
  accountId: string;
  name: string;
  createdAt: string;
}

export interface ApiToken {
  id: string;
  kind: TokenKind;
  accountId: string | null;
  organizationId: string | null;
  name: string;
  roles: string[];
  hint: string;
  createdBy: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface CreateTokenInput {
  kind: TokenKind;
  name: string;
  roles: string[];
  accountId?: string;
  organizationId?: string;
  expiresAt?: string;
}

export interface CreatedToken {
  token: ApiToken;
  /** The bearer secret: returned by this one response only, stored hashed by the server. */
  secret: string;
}

export interface AuditEvent {
  id: string;
  chainId: string;
  seq: number;
  occurredAt: string;
  actorType: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  changes: unknown;
  requestId: string | null;
  hash: string;
}

export interface ChainVerification {
  chainId: string;
  ok: boolean;
  checked: number;
  firstBroken: { id: string; seq: number; reason: string } | null;
  tailMissing?: boolean;
}

export interface AuditVerification {
  ok: boolean;
  chains: ChainVerification[];
}
