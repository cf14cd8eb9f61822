// One host and one Chromium at a time: the browser tests drive real servers and browsers, which on a small machine
// run more reliably one class after another than all at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
