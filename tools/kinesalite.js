// Starts kinesalite (the Kinesis emulator) on the loopback interface only; its own cli.js listens on
// every interface. Takes kinesalite's options (--port, --createStreamMs, --shardLimit, ...).
//
// Tests of shard-iterator expiry need five minutes to pass on the server's clock, which kinesalite
// reads with Date.now(). A line "advance <ms>" on stdin moves that clock forward; the reply line
// "advanced <total ms>" on stdout says the jump is in force for every request after it.
'use strict'
const readline = require('readline')
const argv = require('minimist')(process.argv.slice(2))

const realNow = Date.now
let offsetMs = 0
Date.now = () => realNow() + offsetMs

readline.createInterface({ input: process.stdin }).on('line', line => {
  const match = /^advance (\d+)$/.exec(line.trim())
  if (!match) return
  offsetMs += Number(match[1])
  console.log('advanced %d', offsetMs)
})

const host = argv.host || '127.0.0.1'
const server = require('kinesalite')(argv).listen(argv.port || 4567, host, () => {
  const address = server.address()
  console.log('Listening at http://%s:%d', address.address, address.port)
})
