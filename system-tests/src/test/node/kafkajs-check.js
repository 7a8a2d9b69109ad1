// Usage: node kafkajs-check.js BOOTSTRAP TOPIC
// Creates TOPIC (3 partitions), produces two records idempotently with acks=-1, grows it to 4 partitions,
// reads its offsets and configs, deletes it. Prints one JSON line of what it saw; exits 1 on any error.
const { Kafka, logLevel } = require('kafkajs');
const [bootstrap, topic] = process.argv.slice(2);
const kafka = new Kafka({ clientId: 'runnel-kafkajs-check', brokers: [bootstrap], logLevel: logLevel.ERROR });
(async () => {
  const admin = kafka.admin();
  await admin.connect();
  const created = await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, allowAutoTopicCreation: false });
  await producer.connect();
  const sent = await producer.send({ topic, acks: -1, messages: [
    { partition: 1, key: 'a', value: 'one', headers: { h: 'x' } },
    { partition: 1, key: 'b', value: 'two' }] });
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.createPartitions({ topicPartitions: [{ topic, count: 4 }] });
  const partitions = (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0].partitions.length;
  const configs = (await admin.describeConfigs({ resources: [{ type: 2, name: topic }] })).resources[0].configEntries;
  const retention = configs.find(c => c.configName === 'retention.ms').configValue;
  await admin.deleteTopics({ topics: [topic] });
  const remaining = (await admin.listTopics()).filter(t => t === topic);
  await producer.disconnect();
  await admin.disconnect();
  console.log(JSON.stringify({ created, sent: sent.map(s => [s.partition, s.baseOffset]),
    high: offsets.find(o => o.partition === 1).high, partitions, retention, remaining }));
})().catch(e => { console.error('kafkajs check failed:', e); process.exit(1); });
