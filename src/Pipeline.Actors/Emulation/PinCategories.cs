namespace Pipeline.Actors.Emulation;

/// <summary>
/// The 13 categories of the real pins, most popular first as in the real rows. The real shares are
/// nearly flat (christmas 9.4% .. vehicles 6.4%); weights here fall as 1/sqrt(rank) so that
/// category leaderboards have a clear order, while every category stays well represented.
/// </summary>
internal static class PinCategories
{
    public static IReadOnlyList<PinCategory> All { get; } = Ranked(
        new PinCategory(
            "christmas", 0,
            ["Christmas Tree", "Advent Calendar", "Christmas Wreath", "Gingerbread House", "Stocking Stuffers", "Christmas Cookies", "Holiday Table", "Ornaments", "Christmas Lights", "Nativity Scene", "Elf On The Shelf", "Christmas Cards"],
            ["Rustic", "Farmhouse", "Easy", "Handmade", "Scandinavian", "Vintage", "Cozy", "Elegant", "Kids", "Last Minute", "Red And Gold", "Outdoor"],
            ["kids", "the whole family", "small spaces", "teachers", "grandparents"]),
        new PinCategory(
            "tattoos", 0,
            ["Tattoo", "Sleeve Tattoo", "Wrist Tattoo", "Rose Tattoo", "Script Tattoo", "Mandala", "Snake Tattoo", "Butterfly Tattoo", "Back Piece", "Finger Tattoo", "Moon Tattoo", "Tattoo Flash"],
            ["Minimalist", "Fine Line", "Small", "Geometric", "Traditional", "Watercolor", "Blackwork", "Dainty", "Meaningful", "Tiny", "Bold", "Japanese"],
            ["women", "men", "couples", "sisters", "first timers"]),
        new PinCategory(
            "quotes", 0,
            ["Quotes", "Life Quotes", "Love Quotes", "Sayings", "Affirmations", "Motivational Quotes", "Friendship Quotes", "Healing Words", "Self Love", "Mindset", "Inspirational Words", "Strength Quotes"],
            ["Deep", "Positive", "Short", "Funny", "True", "Daily", "Powerful", "Beautiful", "Wise", "Uplifting", "Honest", "Calm"],
            ["hard times", "her", "him", "moms", "new beginnings"]),
        new PinCategory(
            "travel", 0,
            ["Road Trip", "Beach Holiday", "Packing List", "Travel Itinerary", "Hidden Gems", "Weekend Getaway", "Travel Hacks", "Bucket List", "Island Escape", "City Break", "Hiking Trail", "Travel Photography"],
            ["Budget", "Solo", "Luxury", "Family", "Backpacking", "Romantic", "Summer", "Winter", "European", "Tropical", "Off The Beaten Path", "Best"],
            ["first timers", "couples", "families", "solo travellers", "students"]),
        new PinCategory(
            "art", 0,
            ["Painting", "Illustration", "Watercolor Art", "Art Print", "Sketch", "Portrait", "Abstract Art", "Canvas Art", "Digital Art", "Oil Painting", "Drawing", "Wall Art"],
            ["Surreal", "Modern", "Colorful", "Fine", "Aesthetic", "Contemporary", "Pencil", "Realistic", "Whimsical", "Dark", "Minimal", "Large"],
            ["beginners", "kids", "art lovers", "the living room", "collectors"]),
        new PinCategory(
            "mens-fashion", 0,
            ["Outfit", "Streetwear", "Suit", "Sneakers", "Denim Jacket", "Chinos", "Leather Boots", "Watch", "Overcoat", "Casual Look", "Fade Haircut", "Capsule Wardrobe"],
            ["Classic", "Smart Casual", "Minimal", "Summer", "Autumn", "Business", "Rugged", "Slim Fit", "Vintage", "Urban", "Stylish", "Everyday"],
            ["men", "tall guys", "the office", "weddings", "date night"]),
        new PinCategory(
            "education", 0,
            ["Worksheets", "Lesson Plan", "Classroom Decor", "Study Tips", "Reading Activities", "Math Games", "Science Experiments", "Homeschool Schedule", "Flash Cards", "Anchor Charts", "Phonics", "Writing Prompts"],
            ["Printable", "Free", "Fun", "Hands On", "Kindergarten", "Middle School", "Montessori", "Easy", "Creative", "Interactive", "Back To School", "Preschool"],
            ["kids", "teachers", "students", "toddlers", "parents"]),
        new PinCategory(
            "diy-and-crafts", 0,
            ["Paper Crafts", "Crochet Pattern", "Macrame", "Mason Jar Ideas", "Upcycled Furniture", "Candle Making", "Wreath", "Sewing Project", "Resin Art", "Painted Rocks", "Felt Crafts", "Gift Ideas"],
            ["Easy", "Cheap", "Quick", "Kids", "Dollar Store", "Upcycled", "Boho", "Rustic", "Cute", "Beginner", "Creative", "Handmade"],
            ["kids", "adults", "beginners", "a rainy day", "gifts"]),
        new PinCategory(
            "home-decor", 0,
            ["Living Room", "Bedroom Ideas", "Kitchen Decor", "Bathroom Makeover", "Gallery Wall", "Entryway", "Reading Nook", "Shelf Styling", "Accent Wall", "Patio", "Dining Room", "Home Office"],
            ["Modern Farmhouse", "Boho", "Scandinavian", "Cozy", "Minimalist", "Small", "Rustic", "Mid Century", "Coastal", "Neutral", "Luxury", "Budget"],
            ["renters", "small spaces", "families", "first homes", "apartments"]),
        new PinCategory(
            "finance", 0,
            ["Budget", "Savings Plan", "Side Hustle", "Dividend Stocks", "Debt Payoff", "Emergency Fund", "Money Tips", "Passive Income", "Retirement Plan", "Investing", "Frugal Living", "Net Worth"],
            ["Simple", "Monthly", "Smart", "Printable", "Beginner", "Weekly", "Long Term", "Easy", "Realistic", "Proven", "Zero Based", "Early"],
            ["beginners", "families", "students", "couples", "young adults"]),
        new PinCategory(
            "event-planning", 0,
            ["Wedding Decor", "Birthday Party", "Baby Shower", "Party Favors", "Table Setting", "Bridal Shower", "Centerpieces", "Party Games", "Balloon Garland", "Dessert Table", "Invitations", "Graduation Party"],
            ["Elegant", "Rustic", "Budget", "Outdoor", "Themed", "Boho", "Vintage", "Simple", "Spring", "Summer", "Last Minute", "Classy"],
            ["kids", "adults", "small gatherings", "couples", "teens"]),
        new PinCategory(
            "beauty", 0,
            ["Makeup Look", "Skincare Routine", "Nail Art", "Hairstyle", "Eyeshadow", "Braids", "Lip Color", "Hair Color", "Face Mask", "Eyebrows", "Curly Hair", "Manicure"],
            ["Natural", "Easy", "Glam", "Everyday", "Summer", "Korean", "Quick", "Bold", "Soft", "Drugstore", "Simple", "Trendy"],
            ["beginners", "oily skin", "short hair", "brides", "teens"]),
        new PinCategory(
            "vehicles", 0,
            ["Sports Car", "Classic Car", "Pickup Truck", "Motorcycle", "Camper Van", "Muscle Car", "Off Road Build", "Race Car", "Custom Bike", "Electric Car", "Vintage Porsche", "Jeep"],
            ["Classic", "Custom", "Vintage", "Lifted", "Restored", "Rare", "Fast", "Modified", "Luxury", "German", "Japanese", "American"],
            ["collectors", "road trips", "car lovers", "weekends", "beginners"]));

    private static IReadOnlyList<PinCategory> Ranked(params PinCategory[] categories) =>
        categories.Select((category, rank) => category with { Weight = 1.0 / Math.Sqrt(rank + 1) }).ToArray();
}
