Console.WriteLine("enc");
