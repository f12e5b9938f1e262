/**
 * The rubric files shipped with the app, bundled at build time so the server never reads the
 * source tree at run time. Imported with relative paths so the tsx-run CLI resolves them too.
 */
import r2010 from '../../../../rubric/kommunkompassen-2010.json';
import r2016 from '../../../../rubric/kommunkompassen-2016.json';
import r2020 from '../../../../rubric/kommunkompassen-2020.json';

export const bundledRubricFiles: { file: string; json: unknown }[] = [
	{ file: 'rubric/kommunkompassen-2010.json', json: r2010 },
	{ file: 'rubric/kommunkompassen-2016.json', json: r2016 },
	{ file: 'rubric/kommunkompassen-2020.json', json: r2020 }
];
