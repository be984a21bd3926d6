Console.WriteLine("enc silo");
