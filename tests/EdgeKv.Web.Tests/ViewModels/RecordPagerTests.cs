using EdgeKv.Domain.Records;
using EdgeKv.Web.Components.Pages.Kv.Records;

namespace EdgeKv.Web.Tests.ViewModels;

public sealed class RecordPagerTests
{
    [Fact]
    public void Query_Page3Of50_SkipsTheFirstHundred()
    {
        var pager = new RecordPager();
        pager.Resize(50);
        pager.Counted(new RecordCount(120, 120));

        Assert.True(pager.GoTo(3));

        Assert.Equal(new RecordQuery("", null, 50, Skip: 100), pager.Query);
        Assert.Equal(3, pager.PageCount);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(5000, 5000)]
    [InlineData(5001, 5000)]
    [InlineData(int.MaxValue, 5000)]
    public void GoTo_100000RecordsOf20_KeepsWithinThePages(int page, int expected)
    {
        var pager = new RecordPager();
        pager.Counted(new RecordCount(100_000, 100_000));

        pager.GoTo(page);

        Assert.Equal(expected, pager.PageNumber);
        Assert.Equal((long)(expected - 1) * 20, pager.Query.Skip);
    }

    [Fact]
    public void Counted_FewerRecordsThanThePageShown_MovesToTheLastPage()
    {
        var pager = new RecordPager();
        pager.Counted(new RecordCount(100, 100));
        pager.GoTo(5);

        pager.Counted(new RecordCount(41, 41));

        Assert.Equal(3, pager.PageNumber);
    }

    [Fact]
    public void Counted_Empty_HasOnePage()
    {
        var pager = new RecordPager();

        pager.Counted(new RecordCount(0, 0));

        Assert.Equal(1, pager.PageCount);
        Assert.Equal(0, pager.Query.Skip);
    }

    [Fact]
    public void Resize_OnPage4Of20_KeepsTheFirstRecordShownInView()
    {
        // Page 4 of 20 starts at record 60, which is on page 2 of 50.
        var pager = new RecordPager();
        pager.Counted(new RecordCount(1000, 1000));
        pager.GoTo(4);

        pager.Resize(50);

        Assert.Equal(2, pager.PageNumber);
        Assert.Equal(50, pager.Query.Skip);
    }

    [Fact]
    public void Resize_SizeNotOffered_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordPager().Resize(7));
    }

    [Fact]
    public void Search_AfterPaging_StartsOverWithTheTrimmedPrefix()
    {
        var pager = new RecordPager();
        pager.Counted(new RecordCount(100, 100));
        pager.GoTo(4);

        pager.Search("  user: ");

        Assert.Equal(1, pager.PageNumber);
        Assert.Equal(new RecordQuery("user:", null, RecordPager.DefaultPageSize, 0), pager.Query);
    }

    [Fact]
    public void PageCount_CountsPositionsNotRecords_SoHiddenCompanionsDoNotCutTheLastPage()
    {
        var pager = new RecordPager();

        pager.Counted(new RecordCount(Records: 20, Positions: 21));

        Assert.Equal(2, pager.PageCount);
    }
}
