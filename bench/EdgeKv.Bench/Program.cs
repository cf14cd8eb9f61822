Console.WriteLine("benchmark: not yet written");
