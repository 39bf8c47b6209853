using System.Text;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Emulation;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Emulation;

public class UserPostingEmulatorTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly EmulatorSettings Settings = EmulatorSettings.Synthetic(seed: 21, posts: 200) with { MalformedRate = 0.05 };

    [Fact]
    public async Task The_source_emits_the_same_posts_on_every_run()
    {
        var source = UserPostingEmulator.Source(Settings, FixedClock.Default);
        var materializer = Sys.Materializer();

        var first = await source.RunWith(Sink.Seq<EmulatedPost>(), materializer).WaitAsync(TimeSpan.FromSeconds(30));
        var second = await source.RunWith(Sink.Seq<EmulatedPost>(), materializer).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new SyntheticPosts(Settings, FixedClock.Default), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Raw_records_carry_their_table_bytes_and_per_table_offsets()
    {
        var probe = CreateTestProbe();
        UserPostingEmulator.RawRecords(Settings with { Posts = 3 }, FixedClock.Default)
            .RunWith(Sink.ActorRef<RawRecord>(probe.Ref, "done", _ => "failed"), Sys.Materializer());
        var posts = new SyntheticPosts(Settings with { Posts = 3 }, FixedClock.Default).ToList();

        for (var i = 0; i < 3; i++)
        {
            foreach (var table in new[] { Table.Pin, Table.Geo, Table.User })
            {
                var record = probe.ExpectMsg<RawRecord>();
                Assert.Equal(table, record.Table);
                Assert.Equal(posts[i].Record(table), Encoding.UTF8.GetString(record.Value.Span));
                Assert.Equal(new SourcePosition("emulator", table.Name(), i.ToString(), FixedClock.Default.GetUtcNow()), record.Position);
            }
        }

        probe.ExpectMsg("done");
    }

    [Fact]
    public void Writing_files_puts_each_table_in_its_file()
    {
        using var folder = new TempFolder();

        var counts = UserPostingEmulator.WriteFiles(Settings, FixedClock.Default, folder.Path);

        var posts = new SyntheticPosts(Settings, FixedClock.Default).ToList();
        Assert.Equal(new PostFileCounts(200, 200, 200, 200), counts);
        Assert.Equal(posts.Select(p => p.Pin), File.ReadAllLines(Path.Combine(folder.Path, "pin.jsonl")));
        Assert.Equal(posts.Select(p => p.Geo), File.ReadAllLines(Path.Combine(folder.Path, "geo.jsonl")));
        Assert.Equal(posts.Select(p => p.User), File.ReadAllLines(Path.Combine(folder.Path, "user.jsonl")));
    }

    [Fact]
    public void Writing_files_reports_progress_every_interval()
    {
        using var folder = new TempFolder();
        var reports = new List<PostFileCounts>();

        UserPostingEmulator.WriteFiles(Settings with { Posts = 25_000, MalformedRate = 0 }, FixedClock.Default, folder.Path, reports.Add);

        Assert.Equal([new PostFileCounts(10_000, 10_000, 10_000, 10_000), new PostFileCounts(20_000, 20_000, 20_000, 20_000)], reports);
    }

    [Fact]
    public void Replay_mode_reads_the_folder_in_file_order()
    {
        var posts = UserPostingEmulator.Posts(EmulatorSettings.Replay(SharedData.Folder, posts: 3), FixedClock.Default).ToList();

        Assert.Equal([0L, 1, 2], posts.Select(p => p.Index));
        Assert.Equal(File.ReadLines(SharedData.File("geo.jsonl")).Take(3), posts.Select(p => p.Geo));
    }
}
