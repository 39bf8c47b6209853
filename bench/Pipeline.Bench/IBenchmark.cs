namespace Pipeline.Bench;

/// <summary>One entry of the harness, chosen on the command line by its <see cref="Name"/>.</summary>
internal interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    void Run(TextWriter output);
}
