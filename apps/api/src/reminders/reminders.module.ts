import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QUEUES } from '@app/queue-contracts';
import { QueueConnections, QueueConnectionsModule } from './queue-connections';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';

@Module({
  imports: [
    BullModule.forRootAsync({
      imports: [QueueConnectionsModule],
      inject: [QueueConnections],
      useFactory: (connections: QueueConnections) => ({
        prefix: 'luoshi',
        createClient: (type) => connections.create(type),
      }),
    }),
    BullModule.registerQueue({ name: QUEUES.reminders }),
  ],
  controllers: [RemindersController],
  providers: [RemindersService],
})
export class RemindersModule {}
