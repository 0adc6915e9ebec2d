import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadDatabaseSettings } from '@app/config';
import { dataSourceOptions } from './data-source-options';

/**
 * For the TypeORM CLI: `typeorm migration:run -d dist/libs/database/src/data-source.js`. A
 * migration may rewrite a big table: no statement limit here.
 */
const AppDataSource = new DataSource(
  dataSourceOptions(loadDatabaseSettings(), { statementTimeoutMs: 0 }),
);
export default AppDataSource;
