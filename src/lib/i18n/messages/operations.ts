/** Messages of operations: backups in the administration pages. */
export const sv = {
	'admin.backup': 'Säkerhetskopia',
	'admin.backup.download': 'Ladda ner en säkerhetskopia av hela databasen',
	'admin.backup.help':
		'Tas medan tjänsten kör och är konsekvent. Återställ den med npm run kompass -- restore FIL på en stoppad server. Filen innehåller allt: användare, utvärderingar och dokument – förvara den säkert.',
	'admin.backup.postgres':
		'Databasen är PostgreSQL: säkerhetskopiera den med pg_dump -Fc och återställ med pg_restore (se README).'
};

export const en: Record<keyof typeof sv, string> = {
	'admin.backup': 'Backup',
	'admin.backup.download': 'Download a backup of the whole database',
	'admin.backup.help':
		'Taken while the service runs, and consistent. Restore it with npm run kompass -- restore FILE on a stopped server. The file holds everything: users, evaluations and documents – keep it safe.',
	'admin.backup.postgres':
		'The database is PostgreSQL: back it up with pg_dump -Fc and restore with pg_restore (see the README).'
};
