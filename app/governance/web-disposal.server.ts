import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { StaffUser } from '#db/identity/schema';
import { getEnv } from '~/env.server';
import { disposeStores, type DisposalCertificate } from './disposal.server';
import { readyExportFolder } from './export-jobs.server';

/** What the disposal form sends: a typed confirmation, and an export to check against or a reason. */
export const disposalFormSchema = z
  .object({
    confirm: z
      .string()
      .trim()
      .refine((value) => value === 'DISPOSE', 'Type DISPOSE in capitals to confirm'),
    exportId: z.string().default(''),
    forceReason: z.string().trim().max(1000, 'The reason must be 1,000 characters or fewer').default(''),
    research: z.literal('yes').optional(),
  })
  .superRefine((form, ctx) => {
    if (!form.exportId && form.forceReason.length < 10) ctx.addIssue({ code: 'custom', path: ['exportId'], message: 'Choose the export made for the Authority, or give the reason for disposing without one (at least 10 characters)' });
  });
export type DisposalForm = z.output<typeof disposalFormSchema>;

export type WebDisposalResult = { ok: true; certificate: DisposalCertificate & { embeddedStores: string }; file: string } | { ok: false; field: string; message: string };

/**
 * Disposal from the administrators' page. Who asked comes from the signed-in account, never the
 * form. The certificate is written under DATA_DIR/certificates and shown once: the administrator's
 * own account goes with the identity store.
 */
export async function disposeFromPage({ form, by, now = new Date() }: { form: DisposalForm; by: StaffUser; now?: Date }): Promise<WebDisposalResult> {
  const exportDir = form.exportId ? readyExportFolder(form.exportId) : null;
  if (form.exportId && !exportDir) return { ok: false, field: 'exportId', message: 'That export is not finished or no longer exists: choose another' };
  const result = await disposeStores(
    { confirm: true, requestedBy: `${by.displayName} (${by.email})`, includeResearch: form.research === 'yes', exportDir: exportDir ?? undefined, forceReason: exportDir ? undefined : form.forceReason },
    now,
  );
  if (!result.ok) return { ok: false, field: form.exportId ? 'exportId' : 'forceReason', message: result.message };
  const env = getEnv();
  const embedded = [env.identityEmbedded ? 'identity' : null, form.research === 'yes' && env.researchEmbedded ? 'research' : null].filter(Boolean);
  const certificate = {
    ...result.certificate,
    embeddedStores:
      embedded.length > 0
        ? `The ${embedded.join(' and ')} store runs embedded: its tables are empty now, and its folder under DATA_DIR should be deleted once the service is stopped.`
        : 'Both stores disposed of are PostgreSQL databases: their tables are empty; drop the databases when the contract ends.',
  };
  const dir = path.resolve(env.DATA_DIR, 'certificates');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let file = path.join(dir, `disposal-certificate-${now.toISOString().replace(/[:.]/g, '-')}.json`);
  if (existsSync(file)) file = file.replace(/\.json$/, `-${Date.now()}.json`);
  writeFileSync(file, `${JSON.stringify(certificate, null, 2)}\n`, { mode: 0o600 });
  return { ok: true, certificate, file };
}
