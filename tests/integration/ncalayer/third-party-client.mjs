// Drives the unchanged npm `ncalayer-js-client` (sigex) against an emulator URL and prints what it got as JSON.
// Runs in its own process because that client builds its `ws` socket without TLS options: the emulator's CA is
// handed over through NODE_EXTRA_CA_CERTS, as a browser with the NCA roots installed would trust NCALayer.
import ncalayer from 'ncalayer-js-client';

const { NCALayerClient } = ncalayer;
const [url, dataBase64] = process.argv.slice(2);
const client = new NCALayerClient(url, false);
const version = await client.connect();
const tokens = await client.getActiveTokens();
const cms = await client.basicsSignCMS(
  NCALayerClient.basicsStoragePKCS12, dataBase64, NCALayerClient.basicsCMSParamsDetached, NCALayerClient.basicsSignerTestAny, 'ru',
);
let cancelled = false;
try {
  await client.createCAdESFromBase64('PKCS12', dataBase64);
} catch (error) {
  cancelled = error.message;
}
console.log(JSON.stringify({ version, tokens, cms, cancelled }));
process.exit(0);
