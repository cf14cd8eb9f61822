using EdgeKv.Domain.Records;
using EdgeKv.Web.Components.Pages.Kv.Records;

namespace EdgeKv.Web.Tests.ViewModels;

public sealed class RecordPagerTests
{
    [Fact]
    public void Next_IncompletePage_UsesItsCursorAndPreviousGoesBack()
    {
        var pager = new RecordPager();

        var moved = pager.Next(new RecordPage([], "cursor-1", Complete: false));

        Assert.True(moved);
        Assert.Equal(2, pager.PageNumber);
        Assert.Equal("cursor-1", pager.Query.Cursor);
        Assert.True(pager.Previous());
        Assert.Null(pager.Query.Cursor);
        Assert.False(pager.Previous());
    }

    [Fact]
    public void Next_CompletePage_StaysPut()
    {
        var pager = new RecordPager();

        Assert.False(pager.Next(new RecordPage([], null, Complete: true)));
        Assert.Equal(1, pager.PageNumber);
    }

    [Fact]
    public void Search_AfterPaging_StartsOverWithTheTrimmedPrefix()
    {
        var pager = new RecordPager();
        pager.Next(new RecordPage([], "c", Complete: false));

        pager.Search("  user:  ");

        Assert.Equal(new RecordQuery("user:", null, RecordPager.PageSize), pager.Query);
        Assert.Equal(1, pager.PageNumber);
    }
}
