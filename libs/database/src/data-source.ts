import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadDatabaseUrl } from '@app/config';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI: `typeorm migration:run -d dist/libs/database/src/data-source.js`. */
const AppDataSource = new DataSource(dataSourceOptions(loadDatabaseUrl()));
export default AppDataSource;
