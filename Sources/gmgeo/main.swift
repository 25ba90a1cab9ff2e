print("gmgeo")
