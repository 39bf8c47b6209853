// Reads the first N records of a Kafka topic with kafkajs, a client independent of librdkafka,
// and prints each value as one line. Used by tests to check that what the engine wrote is plain
// Kafka that any client can read. Usage: node kafka-read.mjs BOOTSTRAP TOPIC N
import { Kafka, logLevel } from 'kafkajs';

const [bootstrap, topic, countText] = process.argv.slice(2);
const count = Number(countText);
if (!bootstrap || !topic || !Number.isInteger(count) || count < 1) {
  console.error('usage: node kafka-read.mjs BOOTSTRAP TOPIC N');
  process.exit(2);
}

const kafka = new Kafka({ clientId: 'pipeline-test-reader', brokers: bootstrap.split(','), logLevel: logLevel.ERROR });
const consumer = kafka.consumer({ groupId: `pipeline-test-reader-${process.pid}` });
const deadline = setTimeout(() => {
  console.error(`timed out after reading fewer than ${count} records of ${topic}`);
  process.exit(1);
}, 60_000);

await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
let read = 0;
await new Promise((resolve) => {
  consumer.run({
    eachMessage: async ({ message }) => {
      if (read < count) {
        process.stdout.write(message.value.toString('utf8') + '\n');
        read++;
      }
      if (read === count) resolve();
    },
  });
});
clearTimeout(deadline);
await consumer.disconnect();
