/** Settings read from the environment, shared by the Lambda functions and the local stack. */

export interface TableNames {
  readonly registrations: string;
  readonly certificates: string;
}

export interface ApiConfig {
  readonly tables: TableNames;
  /** Origin of the web app, used in verification URLs; derived per request when unset. */
  readonly publicBaseUrl?: string;
  /** Days a registration is kept; unset keeps it until deleted. */
  readonly registrationTtlDays?: number;
}

export function readTableNames(env: NodeJS.ProcessEnv = process.env): TableNames {
  return {
    registrations: env.REGISTRATIONS_TABLE || 'Registrations',
    certificates: env.CERTIFICATES_TABLE || 'Certificates',
  };
}

export function readApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const ttlDays = env.REGISTRATION_TTL_DAYS;
  let registrationTtlDays: number | undefined;
  if (ttlDays) {
    registrationTtlDays = Number(ttlDays);
    if (!Number.isInteger(registrationTtlDays) || registrationTtlDays < 1) {
      throw new Error(
        `REGISTRATION_TTL_DAYS must be a whole number of days of at least 1, got "${ttlDays}"`,
      );
    }
  }

  return {
    tables: readTableNames(env),
    publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/+$/, '') || undefined,
    registrationTtlDays,
  };
}
