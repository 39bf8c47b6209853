using Akka.Actor;
using Pipeline.Actors.Live;
using Xunit;

namespace Pipeline.Actors.Tests.Live;

public sealed class ReplyCollectorTests : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public async Task Every_entity_gets_its_message_and_all_replies_come_back()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        var replies = ReplyCollector.AskAllAsync(Sys, [(first.Ref, "to first"), (second.Ref, "to second")], TimeSpan.FromSeconds(10));

        first.ExpectMsg("to first");
        first.Reply("first answered");
        Assert.False(replies.IsCompleted);
        second.ExpectMsg("to second");
        second.Reply("second answered");

        Assert.Equal(["first answered", "second answered"], (await replies).Cast<string>().Order());
    }

    [Fact]
    public async Task A_failure_reply_fails_the_whole_round()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        var replies = ReplyCollector.AskAllAsync(Sys, [(first.Ref, 1), (second.Ref, 2)], TimeSpan.FromSeconds(10));

        first.ExpectMsg(1);
        first.Reply(new Status.Failure(new InvalidOperationException("snapshot failed")));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => replies);
        Assert.Equal("snapshot failed", failure.Message);
    }

    [Fact]
    public async Task Missing_replies_fail_the_round_after_the_timeout_and_a_late_reply_changes_nothing()
    {
        var silent = CreateTestProbe();
        var answering = CreateTestProbe();
        var replies = ReplyCollector.AskAllAsync(Sys, [(silent.Ref, "a"), (answering.Ref, "b")], TimeSpan.FromMilliseconds(300));
        answering.ExpectMsg("b");
        answering.Reply("b answered");

        var timeout = await Assert.ThrowsAsync<AskTimeoutException>(() => replies);
        Assert.Contains("1 of 2 replies missing", timeout.Message);
        silent.ExpectMsg("a");
        var collector = silent.LastSender;
        Watch(collector);
        ExpectTerminated(collector);
        silent.Reply("too late");
        Assert.True(replies.IsFaulted);
    }

    [Fact]
    public async Task No_requests_need_no_replies()
    {
        Assert.Empty(await ReplyCollector.AskAllAsync(Sys, [], TimeSpan.FromSeconds(1)));
    }
}
