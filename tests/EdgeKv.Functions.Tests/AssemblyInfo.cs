// Every test class shares one host (one admin database, one runtime manager): each test makes its own owner and
// project, so they do not see each other; the Deno processes are few and the machine small.
[assembly: AssemblyFixture(typeof(EdgeKv.Functions.Tests.Support.FunctionsServer))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
