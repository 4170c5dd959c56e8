console.log("movies ui");
