import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { QUEUES } from '@app/queue-contracts';
import { QueueConnections, QueueConnectionsModule } from './queue-connections';
import { EventMail } from './event-mail';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';

@Global()
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
  providers: [RemindersService, EventMail],
  // Every module that records an event mails through it.
  exports: [EventMail],
})
export class RemindersModule {}
